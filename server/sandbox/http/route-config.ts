/** Per-route switches the sandbox plugin's `onRequest` hook reads from `routeOptions.config`. */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authorises requests itself (E10's signed upload form): no AccessKey check. */
    skipAccessKey?: boolean;
    /** Not counted against the workspace's rate limits (the `_sandbox` control routes). */
    skipRateLimit?: boolean;
    /**
     * The route lets the scheduler catch up inside its own group commit (E3, E4: see
     * `MessageAcceptor`), so the hook does not do it before the request.
     */
    catchUpInCommit?: boolean;
  }
}

export {};
