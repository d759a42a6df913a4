// Drives a running certreg with the AWS SDK for JavaScript v3: usage `node check.mjs http://127.0.0.1:PORT`.
// Device certificates are minted with the openssl command line.
import {
  IoTClient, GetRegistrationCodeCommand, RegisterCertificateWithoutCACommand, ListCertificatesCommand,
  DescribeCertificateCommand, UpdateCertificateCommand, paginateListCertificates,
} from "@aws-sdk/client-iot";
import { execFileSync } from "node:child_process";

const endpoint = process.argv[2];
const iot = new IoTClient({
  endpoint, region: "us-east-1", maxAttempts: 1,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});
let passed = 0, failed = 0;

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL - ${name}: ${e && e.stack ? e.stack : e}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function selfSigned(cn) {
  return execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
    "-nodes", "-keyout", "/dev/null", "-subj", `/CN=${cn}`, "-days", "30"], { stdio: ["ignore", "pipe", "ignore"] })
    .toString();
}

const ids = [];
await check("GetRegistrationCode returns a stable 64-hex code", async () => {
  const a = (await iot.send(new GetRegistrationCodeCommand({}))).registrationCode;
  const b = (await iot.send(new GetRegistrationCodeCommand({}))).registrationCode;
  assert(/^[0-9a-f]{64}$/.test(a) && a === b, `codes ${a} ${b}`);
});
await check("RegisterCertificateWithoutCA registers 11 certificates", async () => {
  for (let i = 0; i < 11; i++) {
    const r = await iot.send(new RegisterCertificateWithoutCACommand({ certificatePem: selfSigned(`js-${i}`) }));
    assert(/^[0-9a-f]{64}$/.test(r.certificateId), `id ${r.certificateId}`);
    ids.push(r.certificateId);
  }
});
await check("paginateListCertificates walks every certificate once, oldest first", async () => {
  const walked = [];
  for await (const page of paginateListCertificates({ client: iot, pageSize: 3 }, { ascendingOrder: true })) {
    assert(page.certificates.length <= 3, `page of ${page.certificates.length}`);
    walked.push(...page.certificates.map((c) => c.certificateId));
  }
  assert(JSON.stringify(walked) === JSON.stringify(ids), `walked ${walked.length}: ${walked}`);
});
await check("list items carry Date creation dates and the last page has no marker", async () => {
  const page = await iot.send(new ListCertificatesCommand({ pageSize: 250 }));
  assert(page.certificates[0].creationDate instanceof Date, "creationDate is not a Date");
  assert(page.nextMarker === undefined, `nextMarker ${page.nextMarker}`);
});
await check("DescribeCertificate after UpdateCertificate shows the new status and validity", async () => {
  await iot.send(new UpdateCertificateCommand({ certificateId: ids[0], newStatus: "ACTIVE" }));
  const d = (await iot.send(new DescribeCertificateCommand({ certificateId: ids[0] }))).certificateDescription;
  assert(d.status === "ACTIVE" && d.certificateMode === "SNI_ONLY", `status ${d.status} mode ${d.certificateMode}`);
  assert(d.validity.notAfter instanceof Date, "validity.notAfter is not a Date");
});
await check("pageSize 251 is an InvalidRequestException", async () => {
  try {
    await iot.send(new ListCertificatesCommand({ pageSize: 251 }));
  } catch (e) {
    assert(e.name === "InvalidRequestException" && e.$metadata.httpStatusCode === 400, `${e.name}`);
    return;
  }
  throw new Error("no error");
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
