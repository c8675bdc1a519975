package app.spotter.client.members;

import java.time.LocalDate;

/** What the desk asks when signing up a member at the counter. */
public record NewMember(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth) {
}
