package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Concurrent actions on one work order: one wins, the others get 409, nothing is half-applied. */
@QuarkusTest
class ConcurrencyTest extends DatabaseTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @RepeatedTest(5)
    void twoAcceptsAtOnceGiveOneSuccessAndOne409() throws Exception {
        String number = registerDispatched("HOUSING");
        List<Integer> statuses = race(2, () -> step("housing", number, "accept").extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        List<String> types = Api.as("agent").get("/api/work-orders/" + number + "/history").then().extract()
                .path("type");
        assertThat(types.stream().filter("ACCEPTED"::equals)).hasSize(1);
    }

    @RepeatedTest(3)
    void aReplyAndAReturnAtOnceCannotBothHappen() throws Exception {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Integer> reply = pool.submit(() -> {
            start.await();
            return step("housing", number, "reply", Map.of("content", "已处理")).extract().statusCode();
        });
        Future<Integer> giveBack = pool.submit(() -> {
            start.await();
            return step("housing", number, "return", Map.of("reason", "非本单位")).extract().statusCode();
        });
        assertThat(List.of(reply.get(), giveBack.get())).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void concurrentRegistrationsGetDistinctNumbers() throws Exception {
        List<String> numbers = race(16, () -> Api.register(Api.registration()));
        assertThat(new HashSet<>(numbers)).hasSize(16);
    }

    private <T> List<T> race(int parties, Callable<T> action) throws Exception {
        CyclicBarrier start = new CyclicBarrier(parties);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return action.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
