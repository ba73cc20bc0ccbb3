// Tests are compiled by `npm run build` (pretest) and run from dist/.
// SPEC=dist/actors/**/*.test.js npx mocha   runs a subset (positional specs would add to, not replace, the list).
const all = ['dist/test/**/*.test.js', 'dist/src/**/*.test.js', 'dist/actors/**/*.test.js']
module.exports = {
  spec: process.env.SPEC ? process.env.SPEC.split(',') : all,
  reporter: './test/reporter.cjs',
  timeout: 30000,
  'enable-source-maps': true,
  // A leaked handle (a keep-alive socket, a timer) must never hang CI; tests stop what they start.
  exit: true
}
