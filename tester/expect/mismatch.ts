/** Why a value from the learner's program is not what a stage expected. Produced by `check()` methods. */
export interface Mismatch {
  /** The whole explanation, in plain words, shown as is. */
  message: string;
  /** One line of advice for the most likely cause, when there is one. */
  hint?: string;
}
