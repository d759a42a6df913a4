/**
 * {@code certreg iot <operation>}: the AWS CLI's {@code aws iot} commands for the certificate operations certreg
 * serves, with the same option names, output and errors. Each operation is one command class; {@link
 * dev.certreg.cli.iot.OperationCommand} sends it with the AWS SDK and prints the result, and the three lists page with
 * the client module's boto3-compatible paginator.
 */
package dev.certreg.cli.iot;
