/** PEM decoding, X.509 parsing and signature checks, all through BouncyCastle's provider. */
package dev.certreg.core.x509;
