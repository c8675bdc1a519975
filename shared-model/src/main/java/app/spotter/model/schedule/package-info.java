/** Planning classes over time: recurrences that stay on the studio's local clock. */
package app.spotter.model.schedule;
