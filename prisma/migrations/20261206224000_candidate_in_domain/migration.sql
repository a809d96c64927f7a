-- Candidates record whether every element is inside the Tc model's training support
-- (@kiago/shared TC_TRAINING_SUPPORT: elements in >= 20 training superconductors). Existing rows are
-- backfilled from their elements with the same list, then the column becomes NOT NULL.

-- DropIndex
DROP INDEX "candidates_top_tc_idx";

-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "in_domain" BOOLEAN;
UPDATE "candidates" SET "in_domain" = "elements" <@ ARRAY['H','Li','Be','B','C','N','O','F','Na','Mg','Al','Si','P','S','Cl','K','Ca','Sc','Ti','V','Cr','Mn','Fe','Co','Ni','Cu','Zn','Ga','Ge','As','Se','Br','Rb','Sr','Y','Zr','Nb','Mo','Tc','Ru','Rh','Pd','Ag','Cd','In','Sn','Sb','Te','I','Cs','Ba','La','Ce','Pr','Nd','Sm','Eu','Gd','Tb','Dy','Ho','Er','Tm','Yb','Lu','Hf','Ta','W','Re','Os','Ir','Pt','Au','Hg','Tl','Pb','Bi','Th','U']::text[];
ALTER TABLE "candidates" ALTER COLUMN "in_domain" SET NOT NULL;

-- CreateIndex
CREATE INDEX "candidates_top_tc_idx" ON "candidates"("run_id", "tc_kelvin" DESC, "id", "passed", "e_above_hull_ev_per_atom", "elements", "in_domain");
