/**
 * What {@code certreg iot} prints, byte for byte as the AWS CLI v1 prints it: {@link
 * dev.certreg.cli.output.ModelDocument} turns an SDK response into the document botocore would parse (model member
 * names in model order, timestamps as epoch-second floats), and {@link dev.certreg.cli.output.OutputFormat} writes it
 * as Python's {@code json.dumps(indent=4)} or as the CLI's table.
 */
package dev.certreg.cli.output;
