/**
 * The checks `refresh` runs on the dataset after importing, whose findings go into the review
 * report. Validation always runs (refresh.ts, the whole dataset exactly as `validate` does); the
 * alert-policy audit (`npm run dataset -- audit`, issue 11, being written in parallel) plugs in
 * here as one more step when it lands: `{ name: 'Audit', run: (incidents, today) => … }`.
 */
import type { ReviewStep } from './refresh';

export const REVIEW_STEPS: ReviewStep[] = [];
