/** The {@code certreg} command: {@code serve} runs the registry; {@code iot} calls one. */
package dev.certreg.cli;
