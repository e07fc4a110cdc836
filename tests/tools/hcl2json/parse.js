// Parses one HCL file with HashiCorp's parser and prints it as JSON (used by the export tests).
const { parse } = require('@cdktf/hcl2json');
const fs = require('fs');
const file = process.argv[2];
parse(file, fs.readFileSync(file, 'utf8'))
  .then((json) => process.stdout.write(JSON.stringify(json)))
  .catch((error) => { process.stderr.write(String(error)); process.exit(1); });
