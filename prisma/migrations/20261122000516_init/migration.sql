-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('PLANNED', 'RUNNING', 'PAUSED', 'COMPLETED', 'COMPLETED_WITH_FAILURES', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "shard_status" AS ENUM ('PLANNED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "model_kind" AS ENUM ('TC', 'EF');

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "nightly" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "campaign_id" UUID NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'PLANNED',
    "tc_model_version_id" UUID NOT NULL,
    "ef_model_version_id" UUID NOT NULL,
    "workflow_id" TEXT,
    "previous_run_id" UUID,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "summary" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shards" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "run_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "base_formula" TEXT NOT NULL,
    "seed" BIGINT NOT NULL,
    "candidate_count" INTEGER NOT NULL,
    "status" "shard_status" NOT NULL DEFAULT 'PLANNED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "error_type" TEXT,
    "progress" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "shards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shard_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shard_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "error" TEXT,
    "error_type" TEXT,
    "worker" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "shard_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidates" (
    "id" BIGSERIAL NOT NULL,
    "shard_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "slot" INTEGER NOT NULL,
    "composition" JSONB NOT NULL,
    "formula" TEXT NOT NULL,
    "n_units" INTEGER NOT NULL,
    "tc_kelvin" DOUBLE PRECISION NOT NULL,
    "ef_ev_per_atom" DOUBLE PRECISION NOT NULL,
    "tc_continuous_kelvin" DOUBLE PRECISION NOT NULL,
    "ef_continuous_ev_per_atom" DOUBLE PRECISION NOT NULL,
    "tc_base_kelvin" DOUBLE PRECISION,
    "delta_tc_kelvin" DOUBLE PRECISION,
    "e_above_hull_ev_per_atom" DOUBLE PRECISION,
    "charge_neutral" BOOLEAN,
    "electronegativity_ok" BOOLEAN,
    "ef_negative" BOOLEAN,
    "element_count_ok" BOOLEAN,
    "passed" BOOLEAN,
    "material_id" UUID,
    "element_set_key" TEXT NOT NULL,
    "elements" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "materials" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "canonical_key" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "element_set_key" TEXT NOT NULL,
    "first_seen_run_id" UUID,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "materials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_materials" (
    "run_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "best_candidate_id" BIGINT NOT NULL,
    "best_tc_kelvin" DOUBLE PRECISION NOT NULL,
    "hit_count" INTEGER NOT NULL,

    CONSTRAINT "run_materials_pkey" PRIMARY KEY ("run_id","material_id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "model_kind" NOT NULL,
    "version" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_sets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_entries" (
    "id" BIGSERIAL NOT NULL,
    "reference_set_id" UUID NOT NULL,
    "source_id" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "composition" JSONB NOT NULL,
    "element_set_key" TEXT NOT NULL,
    "elements" TEXT[],
    "dft_ef_ev_per_atom" DOUBLE PRECISION,

    CONSTRAINT "reference_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_energies" (
    "reference_entry_id" BIGINT NOT NULL,
    "model_version_id" UUID NOT NULL,
    "ef_ev_per_atom" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "reference_energies_pkey" PRIMARY KEY ("reference_entry_id","model_version_id")
);

-- CreateTable
CREATE TABLE "run_diffs" (
    "run_id" UUID NOT NULL,
    "previous_run_id" UUID NOT NULL,
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_diffs_pkey" PRIMARY KEY ("run_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_name_key" ON "campaigns"("name");

-- CreateIndex
CREATE INDEX "campaigns_nightly_idx" ON "campaigns"("nightly");

-- CreateIndex
CREATE UNIQUE INDEX "runs_workflow_id_key" ON "runs"("workflow_id");

-- CreateIndex
CREATE INDEX "runs_campaign_id_created_at_idx" ON "runs"("campaign_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "runs_status_idx" ON "runs"("status");

-- CreateIndex
CREATE INDEX "shards_run_id_status_idx" ON "shards"("run_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "shards_run_id_index_key" ON "shards"("run_id", "index");

-- CreateIndex
CREATE UNIQUE INDEX "shards_id_run_id_key" ON "shards"("id", "run_id");

-- CreateIndex
CREATE UNIQUE INDEX "shard_attempts_shard_id_stage_attempt_key" ON "shard_attempts"("shard_id", "stage", "attempt");

-- CreateIndex
CREATE INDEX "candidates_top_tc_idx" ON "candidates"("run_id", "tc_kelvin" DESC, "id", "passed", "e_above_hull_ev_per_atom", "elements");

-- CreateIndex
CREATE INDEX "candidates_elements_idx" ON "candidates" USING GIN ("elements");

-- CreateIndex
CREATE UNIQUE INDEX "candidates_shard_id_slot_key" ON "candidates"("shard_id", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "materials_canonical_key_key" ON "materials"("canonical_key");

-- CreateIndex
CREATE INDEX "materials_element_set_key_idx" ON "materials"("element_set_key");

-- CreateIndex
CREATE INDEX "run_materials_run_id_best_tc_kelvin_idx" ON "run_materials"("run_id", "best_tc_kelvin" DESC);

-- CreateIndex
CREATE INDEX "run_materials_material_id_idx" ON "run_materials"("material_id");

-- CreateIndex
CREATE INDEX "model_versions_kind_active_idx" ON "model_versions"("kind", "active");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_kind_version_key" ON "model_versions"("kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "reference_sets_name_key" ON "reference_sets"("name");

-- CreateIndex
CREATE INDEX "reference_entries_element_set_key_idx" ON "reference_entries"("element_set_key");

-- CreateIndex
CREATE INDEX "reference_entries_elements_idx" ON "reference_entries" USING GIN ("elements");

-- CreateIndex
CREATE UNIQUE INDEX "reference_entries_reference_set_id_source_id_key" ON "reference_entries"("reference_set_id", "source_id");

-- CreateIndex
CREATE INDEX "reference_energies_model_version_id_idx" ON "reference_energies"("model_version_id");

-- CreateIndex
CREATE INDEX "run_diffs_previous_run_id_idx" ON "run_diffs"("previous_run_id");

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_tc_model_version_id_fkey" FOREIGN KEY ("tc_model_version_id") REFERENCES "model_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_ef_model_version_id_fkey" FOREIGN KEY ("ef_model_version_id") REFERENCES "model_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_previous_run_id_fkey" FOREIGN KEY ("previous_run_id") REFERENCES "runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shards" ADD CONSTRAINT "shards_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shard_attempts" ADD CONSTRAINT "shard_attempts_shard_id_fkey" FOREIGN KEY ("shard_id") REFERENCES "shards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_shard_id_run_id_fkey" FOREIGN KEY ("shard_id", "run_id") REFERENCES "shards"("id", "run_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "materials" ADD CONSTRAINT "materials_first_seen_run_id_fkey" FOREIGN KEY ("first_seen_run_id") REFERENCES "runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_materials" ADD CONSTRAINT "run_materials_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_materials" ADD CONSTRAINT "run_materials_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_entries" ADD CONSTRAINT "reference_entries_reference_set_id_fkey" FOREIGN KEY ("reference_set_id") REFERENCES "reference_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_energies" ADD CONSTRAINT "reference_energies_reference_entry_id_fkey" FOREIGN KEY ("reference_entry_id") REFERENCES "reference_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_energies" ADD CONSTRAINT "reference_energies_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_diffs" ADD CONSTRAINT "run_diffs_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_diffs" ADD CONSTRAINT "run_diffs_previous_run_id_fkey" FOREIGN KEY ("previous_run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: partial indexes, which Prisma's schema language cannot express (its migration diff
-- ignores them, so they cause no drift). Candidates arrive without a material; only deduplicated
-- rows need the lookup.
CREATE INDEX "candidates_material_id_idx" ON "candidates"("material_id") WHERE "material_id" IS NOT NULL;
