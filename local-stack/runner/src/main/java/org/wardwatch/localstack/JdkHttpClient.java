package org.wardwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An AWS SDK HTTP client over the JDK's {@link HttpClient}, for the IoT registry calls of the local stack's
 * device-certs registration: the SDK's url-connection client cannot send {@code PATCH}, the method of IoT's
 * {@code UpdateThing}, which registering a moved device again needs ({@code java.net.ProtocolException: Invalid
 * HTTP method: PATCH}).
 */
final class JdkHttpClient implements SdkHttpClient {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest sdk = request.httpRequest();
        HttpRequest.BodyPublisher body = request.contentStreamProvider()
                .map(p -> HttpRequest.BodyPublishers.ofByteArray(readAll(p.newStream())))
                .orElse(HttpRequest.BodyPublishers.noBody());
        HttpRequest.Builder builder = HttpRequest.newBuilder(sdk.getUri()).method(sdk.method().name(), body)
                .timeout(Duration.ofMinutes(2));
        for (Map.Entry<String, List<String>> header : sdk.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        HttpRequest prepared = builder.build();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpResponse<InputStream> response;
                try {
                    response = http.send(prepared, HttpResponse.BodyHandlers.ofInputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                return HttpExecuteResponse.builder()
                        .response(SdkHttpFullResponse.builder().statusCode(response.statusCode())
                                .headers(response.headers().map()).build())
                        .responseBody(AbortableInputStream.create(response.body())).build();
            }

            @Override
            public void abort() {
                // the request's timeout ends it
            }
        };
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "JdkHttp";
    }

    @Override
    public void close() {
        // the JDK client's threads end with it
    }
}
