-- Tc ensembles: a run pins the Tc model versions of its ensemble (campaign spec models.tcEnsemble),
-- and each candidate stores the ensemble's mean and sample sd on its integer formula (null without one).
--
-- ElemNet's inference now removes its elemental error (Ef − Σ x_i^8·Ef(element i), models/shipped/
-- MODEL_CARD.md): reference energies cached under the old inference are stale, and the cache is
-- refilled per model version by the next run's prepareReferenceEnergies.

-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "tc_ensemble_mean_kelvin" DOUBLE PRECISION,
ADD COLUMN     "tc_ensemble_sd_kelvin" DOUBLE PRECISION,
ADD COLUMN     "tc_ensemble_size" INTEGER;

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "tc_ensemble_model_version_ids" UUID[] DEFAULT ARRAY[]::UUID[];

-- Stale cache (see above)
DELETE FROM "reference_energies";
