# The pipeline jar in a small runtime image; one image serves the ingest, processor and sink services and the
# topics / setup jobs. The image jar is built without the local stack (in-process broker, Elasticsearch launcher):
# `pipeline demo`, `local` and `bench` need the normal build (./pipeline), not this image.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# dependency layer: the poms alone, so a source change does not download every dependency again
COPY pom.xml .
COPY model/pom.xml model/
COPY localstack/pom.xml localstack/
COPY samples/pom.xml samples/
COPY processor/pom.xml processor/
COPY ingest/pom.xml ingest/
COPY sink/pom.xml sink/
COPY app/pom.xml app/
RUN mvn -q -B -Pimage dependency:go-offline -DexcludeGroupIds=org.rectifywatch
COPY model model
COPY localstack localstack
COPY samples samples
COPY processor processor
COPY ingest ingest
COPY sink sink
COPY app app
# online still: go-offline does not see every plugin dependency the package phase loads
RUN mvn -q -B -Pimage -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health check (the base image's tools are not a contract)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/rectify rectify && mkdir -p /data && chown rectify /data
COPY --from=build /src/app/target/pipeline-image.jar /opt/rectify/pipeline.jar
USER rectify
WORKDIR /var/lib/rectify
# the heap is a share of the container's memory limit; compose sets the share per service; transparent huge pages
# for the heap where the host offers them on request (its usual "madvise" setting): the analysis walks large dictionary
# arrays, and fewer TLB misses made bench e2e's backfill 6-8 % cheaper per report
ENV RECTIFY_PROCESSOR_STATE_DIR=/data/streams \
    RECTIFY_HEALTH_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseTransparentHugePages"
EXPOSE 8080
# the long-running services answer on health.port; the one-shot jobs exit before the first check
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD curl -fsS -o /dev/null "http://localhost:${RECTIFY_HEALTH_PORT}/health/ready" || exit 1
ENTRYPOINT ["java", "-jar", "/opt/rectify/pipeline.jar"]
CMD ["--help"]
