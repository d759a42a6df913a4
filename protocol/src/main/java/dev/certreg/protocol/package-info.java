/** Names that the server and the client share on the wire: error codes and API constants. */
package dev.certreg.protocol;
