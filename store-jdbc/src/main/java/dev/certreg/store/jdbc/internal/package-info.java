/**
 * Parts of store-jdbc that are public only so that the store modules' tests can reach them, such as the list SQL
 * whose plans they check on their database. Not an API: other code must not use them.
 */
package dev.certreg.store.jdbc.internal;
