/**
 * The REST-JSON front of the registry: one route table, one handler per resource, and the only place that writes
 * errors. Handlers know HTTP and JSON; they call one service method each and hold no SQL or X.509 code.
 */
package dev.certreg.server;
