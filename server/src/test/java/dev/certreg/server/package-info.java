/** Tests of the request model shared by the router and the authenticators: paths, query strings, raw requests. */
package dev.certreg.server;
