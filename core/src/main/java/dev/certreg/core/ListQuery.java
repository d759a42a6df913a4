package dev.certreg.core;

/**
 * A list request as the API takes it, already checked against the model's types.
 *
 * @param pageSize the requested page size, or null for the default
 * @param marker the marker of the previous page, or null for the first page
 * @param ascending oldest first when true
 */
public record ListQuery(Integer pageSize, String marker, boolean ascending) {}
