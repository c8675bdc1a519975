package app.spotter.client.sync;

import app.spotter.model.api.AuthApi;
import app.spotter.model.sync.SyncApi;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The server's device and sync endpoints (docs/sync.md), as Retrofit calls. */
public interface SyncEndpoints {

    /** A staff member's own login (not the device's): for the desk's staff login screen. */
    @POST("api/v1/auth/login")
    Call<AuthApi.TokenPair> staffLogin(@Body AuthApi.LoginRequest request);

    @GET("api/v1/me")
    Call<AuthApi.Profile> me(@Header("Authorization") String bearer);

    /** A staff credential for the person who just logged in here, with their own access token (device token). */
    @POST("api/v1/sync/staff-credentials")
    Call<SyncApi.StaffCredential> staffCredential(@Body SyncApi.StaffCredentialRequest request);

    /** Changes what a device is for; with a manager's own access token. */
    @retrofit2.http.PUT("api/v1/devices/{id}/kind")
    Call<SyncApi.Device> changeDeviceKind(@Header("Authorization") String bearer, @Path("id") String deviceId,
                                          @Body SyncApi.DeviceKindChange change);

    @POST("api/v1/devices/enroll")
    Call<SyncApi.Enrollment> enroll(@Body SyncApi.EnrollRequest request);

    @POST("api/v1/devices/token")
    Call<SyncApi.DeviceToken> token(@Body SyncApi.DeviceLogin login);

    @POST("api/v1/sync/push")
    Call<SyncApi.PushResponse> push(@Body SyncApi.PushRequest request);

    @GET("api/v1/sync/pull")
    Call<SyncApi.PullResponse> pull(@Query("after") long after, @Query("heldUntil") String heldUntil,
                                    @Query("limit") int limit);

    @GET("api/v1/sync/snapshot")
    Call<SyncApi.SnapshotPage> snapshot(@Query("entityType") String entityType, @Query("after") String after,
                                        @Query("limit") int limit);

    @POST("api/v1/sync/leases")
    Call<SyncApi.LeaseGrant> leases(@Body SyncApi.LeaseRequest request);

    @POST("api/v1/sync/leases/return")
    Call<Void> returnLeases(@Body SyncApi.LeaseReturn request);

    /** Which staff accounts are still active (device token): cached logins of deactivated staff are dropped. */
    @GET("api/v1/sync/staff")
    Call<List<app.spotter.model.sync.StaffAccess>> staffAccess();

    /** Enrolled devices; called with a manager's own access token (DEVICES_MANAGE), not the device's. */
    @GET("api/v1/devices")
    Call<List<SyncApi.Device>> devices(@Header("Authorization") String bearer);

    /** Revokes a device; with a manager's own access token. */
    @POST("api/v1/devices/{id}/revoke")
    Call<SyncApi.Device> revokeDevice(@Header("Authorization") String bearer, @Path("id") String deviceId);

    @GET("api/v1/conflicts")
    Call<List<SyncApi.Conflict>> conflicts(@Query("status") String status);

    @POST("api/v1/conflicts/{id}/resolve")
    Call<SyncApi.Conflict> resolve(@Path("id") String conflictId, @Body SyncApi.Resolve resolve);

    /** A member's health notes for the staff member at this desk (device token; the server checks HEALTH_NOTES). */
    @GET("api/v1/sync/members/{id}/health-notes")
    Call<app.spotter.model.api.MembersApi.HealthNotesView> healthNotes(@Path("id") String memberId,
                                                                       @Query("actor") String actor,
                                                                       @Header("X-Spotter-Actor-Proof") String proof);
}
