import type { Exchange, Verdict } from '../../engine';
import { type StepOutcome, storySteps } from '../format/story-steps';

const OUTCOME_WORDS: Readonly<Record<StepOutcome, string>> = {
  passed: 'passed',
  failed: 'failed',
  'not-sent': 'not sent',
  unknown: 'unknown',
};

/** Preflight → redirects → actual request, each with its real status and whether it passed. */
export function StorySection({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const steps = storySteps(exchange, verdict);
  return (
    <section class="section" aria-labelledby="story-heading">
      <h3 id="story-heading">What happened</h3>
      <ol class="story" data-testid="story">
        {steps.map((step, index) => (
          <li key={index} class={`step step-${step.outcome}`}>
            <span class="step-outcome">{OUTCOME_WORDS[step.outcome]}</span>
            <span class="step-label">{step.label}</span>
            <code class="step-request" title={step.url}>
              {step.method} {step.url}
            </code>
            <span class="step-status">{step.status}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
