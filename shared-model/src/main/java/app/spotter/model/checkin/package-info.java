/**
 * Entry at the door: who may come in, why not, and the signed QR codes of member cards.
 */
package app.spotter.model.checkin;
