/** Test fixtures other modules share through the core test-jar: a PKI minted per run and a settable clock. */
package dev.certreg.core.testing;
