package app.spotter.model.booking;

/**
 * Why a booking was refused. The names are the API's stable error codes; the messages are
 * English defaults for people, which clients may translate by code.
 */
public enum BookingRefusal {
    /** The class was cancelled by the studio. */
    SLOT_CANCELLED("This class has been cancelled"),
    /** The class has already started or is over. */
    SLOT_EXPIRED("This class has already started"),
    /** The class is further ahead than bookings are open. */
    OUTSIDE_BOOKING_WINDOW("Booking for this class is not open yet"),
    /** The member already has a seat or a waitlist place in this class. */
    ALREADY_BOOKED("You are already booked for this class"),
    /** The member holds a seat in another class at the same time. */
    OVERLAPPING_BOOKING("You have another booking at this time"),
    /** The member has no membership at all. */
    NO_ACTIVE_MEMBERSHIP("No active membership"),
    /** The membership starts after the day of the class. */
    MEMBERSHIP_NOT_STARTED("Membership has not started yet"),
    /** The membership is frozen on the day of the class. */
    MEMBERSHIP_FROZEN("Membership frozen"),
    /** The membership has ended by the day of the class. */
    MEMBERSHIP_EXPIRED("Membership expired"),
    /** The membership was cancelled. */
    MEMBERSHIP_CANCELLED("Membership cancelled"),
    /** The class pack is used up. */
    NO_CREDITS_LEFT("No credits left"),
    /** Every seat is taken and the waitlist was not asked for or is off. */
    SLOT_FULL("This class is full");

    private final String message;

    BookingRefusal(String message) {
        this.message = message;
    }

    /** A short English sentence for the member or the desk. */
    public String message() {
        return message;
    }
}
