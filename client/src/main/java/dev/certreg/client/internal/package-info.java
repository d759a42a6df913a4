/**
 * The pagination engine and the botocore NextToken codec behind {@link dev.certreg.client.Paginator}. Other modules
 * must not use these classes: they change without notice.
 */
package dev.certreg.client.internal;
