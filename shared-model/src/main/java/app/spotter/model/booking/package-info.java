/**
 * Booking classes: who may take a seat, when a class is full, and how cancellations count.
 */
package app.spotter.model.booking;
