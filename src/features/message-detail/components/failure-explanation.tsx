import type { Message } from '@/lib/bird/message';
import { explainFailure } from '../utils/failure-advice';

/** What went wrong, where, why and what usually helps, when something did. */
export function FailureExplanation({ message }: { message: Message }) {
  const explanation = explainFailure(message);
  if (explanation === null) return null;
  const { why } = explanation;
  return (
    <section className="md-section md-failure" aria-labelledby="md-failure-title">
      <h2 id="md-failure-title">What went wrong</h2>
      <dl className="md-facts">
        <dt>What happened</dt>
        <dd>{explanation.what}</dd>
        {explanation.where === undefined ? null : (
          <>
            <dt>Where</dt>
            <dd>{explanation.where}</dd>
          </>
        )}
        {why.code === undefined ? null : (
          <>
            <dt>Failure code</dt>
            <dd>
              <code>{why.code}</code>
              {why.description === undefined ? null : <> · {why.description}</>}
            </dd>
          </>
        )}
        {why.reason === undefined ? null : (
          <>
            <dt>Reason</dt>
            <dd>{why.reason}</dd>
          </>
        )}
        {why.details === undefined ? null : (
          <>
            <dt>Details</dt>
            <dd>
              <code>{why.details}</code>
            </dd>
          </>
        )}
      </dl>
      {explanation.advice.length === 0 ? null : (
        <>
          <h3>What usually helps</h3>
          <ul>
            {explanation.advice.map((advice) => (
              <li key={advice}>{advice}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
