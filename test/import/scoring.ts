/**
 * The importer's tests score with exactly the rules of the corpus scorer
 * (../shared/tools/score_import.py), ported in bench/import-score.ts.
 */
export { scoreImport, summaryLine, type ImportScore, type ScoredTask as ExpectedTask } from '../../bench/import-score.js';
