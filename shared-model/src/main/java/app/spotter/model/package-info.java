/**
 * Spotter's shared model: plain records and the rules that both the desk (offline) and the
 * server (online) run. Nothing here may depend on JavaFX, Hibernate, Javalin or Retrofit.
 */
package app.spotter.model;
