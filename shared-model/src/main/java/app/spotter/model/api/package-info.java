/** Records that cross the wire in every part of the API. */
package app.spotter.model.api;
