import { z } from 'zod/mini';

/**
 * Perch's CSP has no 'unsafe-eval'. zod 4 probes `new Function` once to decide whether to
 * compile fast parsers, and that probe is reported as a CSP violation on every page. Parsing
 * without the compiled path is what zod does under such a CSP anyway; saying so up front
 * keeps the violation reports meaningful (the e2e suite fails on any).
 */
z.config({ jitless: true });
