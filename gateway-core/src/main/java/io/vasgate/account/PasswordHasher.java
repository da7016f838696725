package io.vasgate.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies ESME bind passwords with the JDK's PBKDF2WithHmacSHA256 and a random salt per
 * hash, stored as the self-describing string {@code pbkdf2-sha256$iterations$salt$hash} (salt and
 * hash in unpadded Base64), so the iteration count can be raised later without invalidating stored
 * hashes: each verifies with the count written in it.
 *
 * <p>Why {@value #DEFAULT_ITERATIONS} iterations, far below what is advised for user passwords:
 * SMPP caps the password at 8 characters, so no iteration count makes a leaked hash strong, while
 * every bind pays for one verification and a reconnect storm after a network blip brings hundreds
 * of binds at once. 10,000 iterations cost about 2-4 ms per verification on current server CPUs
 * (measured 4 ms on a small 2-core VM): cheap for binds, yet ten thousand times dearer than a bare
 * hash to whoever brute-forces a stolen table. The real defences are the per-peer failure slowdown
 * and the IP allowlist.
 *
 * <p>Thread-safe; verification compares in constant time.
 */
public final class PasswordHasher {

  /** The scheme name that starts every encoded hash. */
  public static final String SCHEME = "pbkdf2-sha256";

  /** Iterations for new hashes unless told otherwise; see the class comment for the choice. */
  public static final int DEFAULT_ITERATIONS = 10_000;

  /** Fewest iterations this hasher will create hashes with. */
  public static final int MIN_ITERATIONS = 1_000;

  /**
   * Most iterations a stored hash may ask for; more would let one corrupt or hostile row stall
   * every bind on that account for seconds.
   */
  public static final int MAX_ITERATIONS = 1_000_000;

  /** Random salt per hash, 128 bits. */
  public static final int SALT_BYTES = 16;

  /** Derived key length, 256 bits: the HMAC-SHA256 output size. */
  public static final int HASH_BYTES = 32;

  private static final String JCA_ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private final SecureRandom random;
  private final int iterations;

  /**
   * A hash of a random password with this hasher's cost, verified against when there is no real
   * hash to check (unknown system_id), so that path takes as long as a wrong password.
   */
  private final String dummyHash;

  /** A hasher with {@link #DEFAULT_ITERATIONS} and a fresh {@link SecureRandom}. */
  public PasswordHasher() {
    this(new SecureRandom(), DEFAULT_ITERATIONS);
  }

  /**
   * @param random the source of salts
   * @param iterations the PBKDF2 iteration count for new hashes
   * @throws IllegalArgumentException if iterations is outside {@value #MIN_ITERATIONS}..{@value
   *     #MAX_ITERATIONS}
   */
  public PasswordHasher(SecureRandom random, int iterations) {
    this.random = Objects.requireNonNull(random, "random");
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "password hash iterations must be in "
              + MIN_ITERATIONS
              + ".."
              + MAX_ITERATIONS
              + " but was "
              + iterations);
    }
    this.iterations = iterations;
    byte[] dummyPassword = new byte[12];
    random.nextBytes(dummyPassword);
    this.dummyHash = hash(ENCODER.encodeToString(dummyPassword));
  }

  public int iterations() {
    return iterations;
  }

  /** A new salted hash of {@code password}, in the encoded form. */
  public String hash(String password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] derived = derive(password, salt, iterations, HASH_BYTES);
    return SCHEME
        + '$'
        + iterations
        + '$'
        + ENCODER.encodeToString(salt)
        + '$'
        + ENCODER.encodeToString(derived);
  }

  /**
   * Whether {@code password} is the one {@code encodedHash} was made from.
   *
   * @throws IllegalArgumentException if {@code encodedHash} is not in this hasher's format
   */
  public boolean verify(String password, String encodedHash) {
    Objects.requireNonNull(password, "password");
    Parsed parsed = parse(encodedHash);
    byte[] derived = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
    return MessageDigest.isEqual(derived, parsed.hash());
  }

  /**
   * Does the work of a verification against a hash no password matches, and returns false: for the
   * paths that must not answer faster than a wrong password would.
   */
  boolean verifyDummy(String password) {
    verify(password == null ? "" : password, dummyHash);
    return false;
  }

  /** Whether {@code encodedHash} is a hash this class can verify. */
  public static boolean isWellFormed(String encodedHash) {
    try {
      parse(encodedHash);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {}

  private static Parsed parse(String encodedHash) {
    if (encodedHash == null) {
      throw new IllegalArgumentException("password hash must not be null");
    }
    String[] parts = encodedHash.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      // Never echo the hash itself into messages that end up in logs.
      throw new IllegalArgumentException(
          "password hash is not in the form " + SCHEME + "$iterations$salt$hash");
    }
    int count;
    try {
      count = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("password hash has a non-numeric iteration count");
    }
    if (count < 1 || count > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "password hash iteration count must be in 1.." + MAX_ITERATIONS + " but was " + count);
    }
    byte[] salt;
    byte[] hash;
    try {
      salt = DECODER.decode(parts[2]);
      hash = DECODER.decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("password hash has invalid Base64 salt or hash");
    }
    if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
      throw new IllegalArgumentException("password hash has a salt or hash of unusable length");
    }
    return new Parsed(count, salt, hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
    try {
      // Factories are not thread-safe; getting one is cheap next to the derivation.
      return SecretKeyFactory.getInstance(JCA_ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(JCA_ALGORITHM + " is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
