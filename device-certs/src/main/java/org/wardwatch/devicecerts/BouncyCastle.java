package org.wardwatch.devicecerts;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one BouncyCastle provider instance this module uses; it is passed explicitly, never installed globally. */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();
    static final SecureRandom RANDOM = new SecureRandom();

    private BouncyCastle() {
    }
}
