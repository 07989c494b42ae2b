# The pipeline jar in a small runtime image; one image serves the ingest, processor, sink and setup services.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY model model
COPY localstack localstack
COPY samples samples
COPY processor processor
COPY ingest ingest
COPY sink sink
COPY app app
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /var/lib/rectify rectify && mkdir -p /data && chown rectify /data
COPY --from=build /src/app/target/pipeline.jar /opt/rectify/pipeline.jar
USER rectify
WORKDIR /var/lib/rectify
ENV RECTIFY_PROCESSOR_STATE_DIR=/data/streams
# health and metrics of process, sink and ingest: /health/live, /health/ready, /metrics
ENV RECTIFY_HEALTH_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/rectify/pipeline.jar"]
CMD ["--help"]
