/**
 * AWS IoT policy documents and their evaluation, as AWS's developer guide describes them ("AWS IoT Core policies",
 * "AWS IoT Core policy variables", "Thing policy variables", "X.509 Certificate AWS IoT Core policy variables"):
 * {@link dev.certreg.core.policy.PolicyDocument#parse(String)} checks a document once, when it is stored, and
 * {@link dev.certreg.core.policy.PolicyEvaluator} decides a request (explicit Deny, then Allow, then the default deny).
 * Each other class is one step between them: resolving policy variables, matching an action or a resource, testing a
 * condition. {@link dev.certreg.core.policy.DeviceAuthorizer} is what the device plane calls: it reads the policies
 * ({@link dev.certreg.core.policy.PolicySource}) and the connection's thing ({@link dev.certreg.core.policy.ThingSource})
 * at every decision. Nothing here knows HTTP, SQL or MQTT; every type is immutable and thread-safe.
 */
package dev.certreg.core.policy;
