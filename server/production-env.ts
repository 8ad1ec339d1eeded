/**
 * Imported first by the entries that serve the built app (`npm start`): React, in the
 * server's render of /messages, loads its production build, not the development one with
 * its checks, several times slower. React reads this when it is first loaded, so it must be
 * set before any module that imports React is evaluated.
 */
process.env.NODE_ENV ??= 'production';
