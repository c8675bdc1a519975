/**
 * Sync between desks and the server: version vectors that tell concurrent edits apart.
 */
package app.spotter.model.sync;
