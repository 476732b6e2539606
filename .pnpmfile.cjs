// What a Cairn package's manifest becomes in its tarball (`pnpm pack`, `pnpm publish`; pnpm 10.28+).
// Consumers get only what they can load and run:
// - `exports` without the `development` condition: it points at `src/*.ts` for the workspace's own
//   tests, and a bundler or `node --conditions=development` in a consumer's project would load
//   TypeScript from node_modules and fail;
// - no `scripts` (they run the workspace's test runner, `../../scripts/test.ts`) and no
//   `devDependencies` (the workspace's test oracles).
// `workspace:^` ranges are rewritten by pnpm itself (to `^0.1.0`). The packaging test
// (test/packaging.spec.ts) checks each packed manifest.

/** `exports` with every `development` condition removed, at any depth */
function withoutDevelopment (value) {
  if (value == null || typeof value !== 'object') return value
  const out = {}
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'development') out[key] = withoutDevelopment(v)
  }
  return out
}

module.exports = {
  hooks: {
    beforePacking (pkg) {
      if (pkg.exports != null) pkg.exports = withoutDevelopment(pkg.exports)
      delete pkg.scripts
      delete pkg.devDependencies
      return pkg
    }
  }
}
