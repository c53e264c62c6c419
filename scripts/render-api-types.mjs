// Prints the TypeScript types of the OpenAPI document read on stdin, exactly as openapi-typescript
// writes them. A process of its own: openapi-typescript loads ES modules that jest cannot, and
// formatting the output in-process breaks once the app's modules are loaded (so prettier and
// eslint skip the generated file). Used by `npm run api:types` and by the contract e2e test.
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `// Generated from /api/docs-json by openapi-typescript: do not edit, run \`npm run api:types\`.
// The contract e2e test fails when this file no longer matches the document.
`;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(HEADER + astToString(await openapiTS(document)));
