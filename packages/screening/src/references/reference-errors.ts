import { KiagoError } from '@kiago/shared';

/** The named reference set has never been imported; retrying cannot help until someone imports it. */
export class ReferenceSetNotFoundError extends KiagoError {
  readonly code = 'REFERENCE_SET_NOT_FOUND';
  readonly nonRetryable = true;

  constructor(readonly referenceSet: string) {
    super(
      `reference set ${JSON.stringify(referenceSet)} has not been imported: run kiago refs import ${referenceSet}`,
    );
  }
}

/**
 * The hull asked for one Ef model version's energies of references that have none yet. The GPU
 * worker fills them (`prepareReferenceEnergies`) before any shard's hull; a gap means that step did
 * not run or failed, which a retry of the hull itself cannot repair.
 */
export class ReferenceEnergiesMissingError extends KiagoError {
  readonly code = 'REFERENCE_ENERGIES_MISSING';
  readonly nonRetryable = true;

  constructor(
    readonly modelVersionId: string,
    readonly referenceSet: string,
    readonly missingCount: number,
    readonly examples: readonly string[],
  ) {
    super(
      `Ef model version ${modelVersionId} has no predicted energy for ${missingCount} reference(s) of set ` +
        `${JSON.stringify(referenceSet)} (e.g. ${examples.join(', ')}); run prepareReferenceEnergies for it first`,
    );
  }
}
