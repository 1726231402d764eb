package org.wardwatch.devicecerts;

/** The tenant CA as registered in AWS IoT. */
public record CaRegistration(String certificateId, String certificateArn, boolean newlyRegistered) {

    /** The region of the registration, from the ARN. */
    public String region() {
        return certificateArn.split(":")[3];
    }

    /** The AWS account of the registration, from the ARN. */
    public String account() {
        return certificateArn.split(":")[4];
    }
}
