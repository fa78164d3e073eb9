/**
 * Plain typed values of a conversation, field for field what the client's {@code Conversation}
 * exposes. The hand-written limit reads into them, and the stock client's output is converted into
 * them, so that all three clients deliver the same typed data (the equivalence tests check it).
 */
package ai.poly.data.bench.values;
