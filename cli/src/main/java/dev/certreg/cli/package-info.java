/**
 * The {@code certreg} command: {@code serve} runs the registry; {@code iot} calls one (see {@link
 * dev.certreg.cli.iot}).
 */
package dev.certreg.cli;
