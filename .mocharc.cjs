// Tests are compiled by `npm run build` (pretest) and run from dist/.
module.exports = {
  spec: ['dist/test/**/*.test.js', 'dist/src/**/*.test.js', 'dist/actors/**/*.test.js'],
  reporter: './test/reporter.cjs',
  timeout: 30000,
  'enable-source-maps': true
}
