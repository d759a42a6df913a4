/** Tests that {@code certreg iot} prints what the AWS CLI v1 prints, checked against Python's and awscli's output. */
package dev.certreg.cli.output;
