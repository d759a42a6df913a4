// Connects to certreg's device endpoint as a device does with the AWS IoT Device SDK v2 for JavaScript: mutual TLS
// from the SDK's mTLS builder, the endpoint DescribeEndpoint(iot:Data-ATS) answered, certreg's root CA. Subscribes,
// publishes one QoS 1 message and waits for it to come back.
// Usage: node connect.mjs HOST PORT ROOT_CA CERT KEY CLIENT_ID
import { iot, mqtt } from "aws-iot-device-sdk-v2";

const [host, port, rootCa, cert, key, clientId] = process.argv.slice(2);
const WAIT_MS = 30_000;

function within(promise, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${WAIT_MS} ms`)), WAIT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const config = iot.AwsIotMqttConnectionConfigBuilder.new_mtls_builder_from_path(cert, key)
    .with_certificate_authority_from_path(undefined, rootCa)
    .with_endpoint(host)
    .with_port(Number(port))
    .with_client_id(clientId)
    .with_clean_session(true)
    .build();
const connection = new mqtt.MqttClient().new_connection(config);
const topic = `devices/${clientId}/echo`;
const payload = JSON.stringify({ hello: clientId });

try {
    await within(connection.connect(), "CONNECT");
    console.log("ok - connected to " + host + ":" + port);
    let received;
    const message = new Promise((resolve) => { received = resolve; });
    await within(connection.subscribe(topic, mqtt.QoS.AtLeastOnce, (t, body) => {
        received({ topic: t, body: new TextDecoder().decode(body) });
    }), "SUBSCRIBE");
    await within(connection.publish(topic, payload, mqtt.QoS.AtLeastOnce), "PUBLISH");
    const echoed = await within(message, "the message's delivery");
    if (echoed.topic !== topic || echoed.body !== payload) {
        throw new Error(`received ${JSON.stringify(echoed)}`);
    }
    console.log("ok - a QoS 1 message published on " + topic + " came back");
    await within(connection.disconnect(), "DISCONNECT");
    process.exit(0);
} catch (e) {
    console.log("FAIL - " + (e && e.message ? e.message : e));
    process.exit(1);
}
