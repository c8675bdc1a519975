/**
 * Words every feature shares: typed ids, {@link app.spotter.model.common.Money} and time
 * ranges.
 */
package app.spotter.model.common;
