import type { ConnectProblem } from '../utils/connect-error';

/** A failed connect, said plainly: what went wrong, then what to do. */
export function ConnectProblemAlert({ problem }: { problem: ConnectProblem }) {
  return (
    <div className="connect-alert" role="alert">
      <p className="connect-alert-summary">{problem.summary}</p>
      {problem.advice === '' ? null : <p>{problem.advice}</p>}
    </div>
  );
}
