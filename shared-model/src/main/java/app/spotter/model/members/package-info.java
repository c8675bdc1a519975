/**
 * Members: the profile rules a desk checks before queueing a sign-up or an edit and the server
 * checks again when it applies them.
 */
package app.spotter.model.members;
